package org.community.seeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The shape of the files in {@code seeds/data}: one file per community ({@code NN-name.yaml}, loaded in name order)
 * and {@code accounts.yaml}. Unknown keys are an error, so a typo in a hand-edited file is reported, not ignored.
 */
public final class SeedData {

    private SeedData() {
    }

    /** One community file. */
    public record Community(long seed, List<Unit> region, Unit community, List<UnitGenerator> units, Households households,
            CentralHouseholds centralHouseholds, Members members, Volunteers volunteers, Teams teams, Partners partners,
            List<TopicSpec> topics, List<Disclosure> disclosures, Education education, Dues dues) {

        public Community {
            region = region == null ? List.of() : region;
            units = units == null ? List.of() : units;
            topics = topics == null ? List.of() : topics;
            disclosures = disclosures == null ? List.of() : disclosures;
        }
    }

    /**
     * Party dues (org-service): bases and {@code months} months of payments from {@code from}, categories drawn with these
     * shares; every {@code arrearsEvery}-th member stops one to three months early, {@code longArrears} members seven months
     * early (flagged after six unpaid months).
     */
    public record Dues(YearMonth from, int months, java.util.LinkedHashMap<String, Double> categories, int arrearsEvery, int longArrears) {
    }

    /** A unit typed out in full: a region level above the community, or the community itself. */
    public record Unit(String code, String name, String level, String form, String leaderName, String address, LocalDate establishedOn) {
    }

    /**
     * {@code count} units of one level under each parent (or {@code total} spread over the parents); {@code code} and
     * {@code name} are patterns with {@code {n}} (1-based position under the parent) and {@code {parent}} (the
     * parent's code); {@code names} lists the names in order instead (across parents).
     */
    public record UnitGenerator(String level, String form, Integer count, String code, String name, List<String> names,
            List<UnitGenerator> children) {

        public UnitGenerator {
            children = children == null ? List.of() : children;
        }

        int countOrOne() {
            return count == null ? 1 : count;
        }
    }

    /** Households in every building of the community: entrances x floors x flats a floor. */
    public record Households(int entrances, int floors, int flatsPerFloor, List<Integer> residents) {
    }

    /** 党员中心户: {@code count} households spread over the buildings, each serving {@code serves} neighbours. */
    public record CentralHouseholds(int count, int serves, LocalDate plaqueDate) {
    }

    /** {@code total} party members spread over the community's units of form {@code in}. */
    public record Members(int total, String in, double probationaryShare) {
    }

    public record AccountLink(int index, String account) {
    }

    /** {@code total} volunteers registered round-robin in the community's units of level {@code registeredIn}. */
    public record Volunteers(int total, String registeredIn, List<String> skills, double partyMemberShare, List<AccountLink> accounts) {

        public Volunteers {
            accounts = accounts == null ? List.of() : accounts;
        }
    }

    /** {@code total} teams spread over the units of level {@code in}, named from {@code names} (numbered when repeated). */
    public record Teams(int total, String in, int membersEach, List<String> categories, List<String> names) {
    }

    /** {@code total} partner organizations named place + field + form without repeats. */
    public record Partners(int total, String kind, List<String> places, List<String> fields, List<String> forms, String description) {
    }

    public record Invitee(String party, String name) {
    }

    /** {@code count} meetings a week apart (or {@code everyDays}), formats taken in turn. */
    public record Meetings(int count, OffsetDateTime from, int everyDays, String title, List<String> formats, String place,
            String convener, List<Invitee> invited) {
    }

    public record ResolutionSpec(String text, String responsibleParty, String createdBy, boolean publish) {
    }

    /** An owners' vote on the households of one building; {@code ballots} is the share of owners that has voted. */
    public record VoteSpec(String title, String question, String matter, String rule, String building, List<Integer> areas,
            int openDays, String createdBy, double ballots, List<AccountLink> accounts) {

        public VoteSpec {
            accounts = accounts == null ? List.of() : accounts;
        }
    }

    /**
     * A topic taken to {@code stage} (PUBLIC_DELIBERATION by default; with a consensus and a resolution, to
     * RESOLUTION).
     */
    public record TopicSpec(String title, String category, String scope, String proposer, String description, String stage,
            Meetings meetings, String consensus, ResolutionSpec resolution, VoteSpec vote) {
    }

    public record Disclosure(String compound, String fund, String direction, BigDecimal amount, LocalDate occurredOn, String summary,
            String counterparty, String voucherRef, String recordedBy) {
    }

    /** Member education (org-service): a training program of the community, and a secretaries' studio. */
    public record Education(ProgramSpec program, StudioSpec studio) {
    }

    /**
     * A program with its teacher pool ({@code externalTeachers} from {@code affiliations}, {@code internalTeachers} among the
     * community's members), {@code coursesPerTheme} courses per theme plus the {@code practicals}, one session each (every
     * {@code videoEvery}-th a video course with the main classroom and a sub-classroom per grid), attended by
     * {@code attendance} of the trainees; {@code quietTrainees} attend nothing in {@code quietMonth} (the bottom of its
     * ranking), {@code reminderTalks} of them get the talk. Closed after loading.
     */
    public record ProgramSpec(String name, String description, LocalDate startsOn, LocalDate endsOn, BigDecimal requiredCredits,
            int externalTeachers, int internalTeachers, List<String> affiliations, List<String> themes, List<String> practicals,
            int coursesPerTheme, int videoEvery, double attendance, String quietMonth, int quietTrainees, int reminderTalks) {
    }

    /**
     * A studio led by the community's first member; {@code pairs} mentees from the last units, each with a mentor from the
     * first {@code mentors} units, {@code sessionsEach} sessions a month apart from {@code pairsFrom}.
     */
    public record StudioSpec(String name, LocalDate foundedOn, String description, int mentors, int pairs, LocalDate pairsFrom,
            int sessionsEach, List<String> topics) {
    }

    public record Account(String username, String password, String role, String unit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record AccountsFile(List<Account> accounts) {
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The community files of a directory, in file-name order. */
    public static List<Community> communities(Path dir) {
        List<Community> result = new ArrayList<>();
        for (Path file : communityFiles(dir)) {
            try {
                result.add(YAML.readValue(file.toFile(), Community.class));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    static List<Path> communityFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no seed data directory at " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("accounts.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Account> accounts(Path dir) {
        Path file = dir.resolve("accounts.yaml");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            AccountsFile accounts = YAML.readValue(file.toFile(), AccountsFile.class);
            return accounts.accounts() == null ? List.of() : accounts.accounts();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
