package org.community.seeds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.community.seeds.SeedData.Community;
import org.community.seeds.SeedData.UnitGenerator;

/**
 * A community file expanded into the concrete items to load: every unit, household, central household, member,
 * volunteer and team, generated from the file's parameters with a {@link Random} seeded by the file's {@code seed}
 * (one stream per kind, so editing one section does not change the others). Same file, same plan, every run.
 */
final class Plan {

    record PlannedUnit(String code, String name, String level, String form, String parentCode, String leaderName, String address,
            LocalDate establishedOn) {
    }

    record PlannedHousehold(String buildingCode, String entrance, String room, int residents, String headName, String phone) {

        String key() {
            return buildingCode + "|" + entrance + "|" + room;
        }
    }

    record PlannedCentral(PlannedHousehold household, List<PlannedHousehold> serves) {
    }

    record PlannedMember(String unitCode, String name, boolean female, LocalDate birthDate, String phone, String idNumber, String status,
            LocalDate admittedOn, LocalDate statusOn, String education) {

        String key() {
            return unitCode + "|" + name + "|" + birthDate;
        }
    }

    record PlannedVolunteer(int index, String unitCode, String name, boolean female, String phone, String idNumber, List<String> skills,
            String availability, String account) {
    }

    record PlannedTeam(String name, String unitCode, String category, String description, int leaderIndex, List<Integer> memberIndexes) {
    }

    final Community source;
    final List<PlannedUnit> regionUnits = new ArrayList<>();
    final PlannedUnit community;
    /** Units below the community, parents before children. */
    final List<PlannedUnit> units = new ArrayList<>();
    final List<PlannedHousehold> households = new ArrayList<>();
    final List<PlannedCentral> centrals = new ArrayList<>();
    final List<PlannedMember> members = new ArrayList<>();
    final List<PlannedVolunteer> volunteers = new ArrayList<>();
    final List<PlannedTeam> teams = new ArrayList<>();
    final List<String> partnerNames = new ArrayList<>();

    Plan(Community source) {
        this.source = source;
        String parent = null;
        for (SeedData.Unit unit : source.region()) {
            regionUnits.add(new PlannedUnit(unit.code(), unit.name(), unit.level(), unit.form(), parent, unit.leaderName(), unit.address(),
                    unit.establishedOn()));
            parent = unit.code();
        }
        SeedData.Unit c = source.community();
        community = new PlannedUnit(c.code(), c.name(), c.level() == null ? "COMMUNITY" : c.level(), c.form(), parent, c.leaderName(),
                c.address(), c.establishedOn());
        expand(source.units(), List.of(community));
        planHouseholds();
        planCentrals();
        planMembers();
        planVolunteers();
        planTeams();
        planPartners();
    }

    String communityCode() {
        return community.code();
    }

    String communityName() {
        return community.name();
    }

    List<PlannedUnit> unitsOf(String level) {
        return units.stream().filter(u -> u.level().equals(level)).toList();
    }

    private Random random(String kind) {
        return new Random(source.seed() * 31 + kind.hashCode());
    }

    private void expand(List<UnitGenerator> generators, List<PlannedUnit> parents) {
        for (UnitGenerator generator : generators) {
            List<PlannedUnit> made = new ArrayList<>();
            int ordinal = 0;
            for (PlannedUnit parent : parents) {
                for (int n = 1; n <= generator.countOrOne(); n++) {
                    String code = fill(generator.code(), n, parent.code());
                    String name = generator.names() != null && ordinal < generator.names().size() ? generator.names().get(ordinal)
                            : fill(generator.name(), n, parent.code());
                    if (code == null || name == null) {
                        throw new IllegalArgumentException(communityCode() + ": a " + generator.level() + " generator needs code and name (or names)");
                    }
                    PlannedUnit unit = new PlannedUnit(code, name, generator.level(), generator.form(), parent.code(), null, null, null);
                    units.add(unit);
                    made.add(unit);
                    ordinal++;
                }
            }
            expand(generator.children(), made);
        }
    }

    private static String fill(String pattern, int n, String parentCode) {
        return pattern == null ? null : pattern.replace("{n}", String.valueOf(n)).replace("{parent}", parentCode);
    }

    private void planHouseholds() {
        SeedData.Households spec = source.households();
        if (spec == null) {
            return;
        }
        Random random = random("households");
        int minResidents = spec.residents() == null ? 1 : spec.residents().get(0);
        int maxResidents = spec.residents() == null ? 4 : spec.residents().get(1);
        for (PlannedUnit building : unitsOf("BUILDING")) {
            for (int entrance = 1; entrance <= spec.entrances(); entrance++) {
                for (int floor = 1; floor <= spec.floors(); floor++) {
                    for (int flat = 1; flat <= spec.flatsPerFloor(); flat++) {
                        String room = String.format("%d%02d", floor, flat);
                        households.add(new PlannedHousehold(building.code(), String.valueOf(entrance), room,
                                minResidents + random.nextInt(maxResidents - minResidents + 1), People.name(random), People.mobile(random)));
                    }
                }
            }
        }
    }

    /** Central households spread evenly over the buildings; each serves the next households of its entrance. */
    private void planCentrals() {
        SeedData.CentralHouseholds spec = source.centralHouseholds();
        if (spec == null || households.isEmpty()) {
            return;
        }
        Map<String, List<PlannedHousehold>> byBuilding = new LinkedHashMap<>();
        for (PlannedHousehold household : households) {
            byBuilding.computeIfAbsent(household.buildingCode(), b -> new ArrayList<>()).add(household);
        }
        List<List<PlannedHousehold>> buildings = new ArrayList<>(byBuilding.values());
        int perBuilding = spec.count() / buildings.size();
        int extra = spec.count() % buildings.size();
        for (int b = 0; b < buildings.size(); b++) {
            List<PlannedHousehold> inBuilding = buildings.get(b);
            int wanted = perBuilding + (b < extra ? 1 : 0);
            int step = Math.max(1, inBuilding.size() / Math.max(1, wanted));
            for (int i = 0; i < wanted && i * step < inBuilding.size(); i++) {
                int at = i * step;
                List<PlannedHousehold> serves = new ArrayList<>();
                for (int s = 1; s <= spec.serves() && at + s < inBuilding.size() && s < step; s++) {
                    serves.add(inBuilding.get(at + s));
                }
                centrals.add(new PlannedCentral(inBuilding.get(at), serves));
            }
        }
        if (centrals.size() != spec.count()) {
            throw new IllegalArgumentException(communityCode() + ": " + spec.count() + " central households do not fit in "
                    + households.size() + " households");
        }
    }

    private void planMembers() {
        SeedData.Members spec = source.members();
        if (spec == null) {
            return;
        }
        List<PlannedUnit> branches = units.stream().filter(u -> spec.in().equals(u.form())).toList();
        if (branches.isEmpty()) {
            throw new IllegalArgumentException(communityCode() + ": no units of form " + spec.in() + " for the members");
        }
        Random random = random("members");
        People.Distinct names = new People.Distinct();
        String[] education = {"本科", "大专", "高中", "研究生", "中专", "初中"};
        for (int i = 0; i < spec.total(); i++) {
            PlannedUnit unit = branches.get(i % branches.size());
            boolean female = People.female(random);
            LocalDate birth = People.birthDate(random, 22, 85);
            boolean probationary = random.nextDouble() < spec.probationaryShare();
            LocalDate admitted = probationary ? LocalDate.of(2023, 1, 1).plusDays(random.nextInt(180))
                    : birth.plusYears(20 + random.nextInt(Math.max(1, LocalDate.of(2022, 1, 1).getYear() - birth.getYear() - 20)))
                            .plusDays(random.nextInt(300));
            if (!probationary && admitted.isAfter(LocalDate.of(2022, 6, 30))) {
                admitted = LocalDate.of(2022, 6, 30).minusDays(random.nextInt(2000));
            }
            // a full member became full when the year of probation ended
            LocalDate statusOn = probationary ? admitted : admitted.plusYears(1).plusDays(1 + random.nextInt(20));
            members.add(new PlannedMember(unit.code(), names.name(random), female, birth, People.mobile(random),
                    People.idNumber(random, birth, female), probationary ? "PROBATIONARY" : "FULL", admitted, statusOn,
                    education[random.nextInt(education.length)]));
        }
    }

    private void planVolunteers() {
        SeedData.Volunteers spec = source.volunteers();
        if (spec == null) {
            return;
        }
        List<PlannedUnit> places = spec.registeredIn() == null ? List.of(community) : unitsOf(spec.registeredIn());
        if (places.isEmpty()) {
            throw new IllegalArgumentException(communityCode() + ": no " + spec.registeredIn() + " units to register volunteers in");
        }
        Map<Integer, String> accounts = new LinkedHashMap<>();
        spec.accounts().forEach(link -> accounts.put(link.index(), link.account()));
        Random random = random("volunteers");
        String[] availability = {"周末全天", "工作日晚上", "周六上午", "随时可约", "周日下午", "节假日"};
        java.util.Set<String> idNumbers = new java.util.HashSet<>();
        for (int i = 1; i <= spec.total(); i++) {
            boolean female = People.female(random);
            LocalDate birth = People.birthDate(random, 18, 75);
            String idNumber = People.idNumber(random, birth, female);
            while (!idNumbers.add(idNumber)) {
                // volunteer-service keeps ID numbers unique
                idNumber = People.idNumber(random, birth, female);
            }
            List<String> skills = new ArrayList<>();
            int skillCount = 1 + random.nextInt(2);
            for (int s = 0; s < skillCount; s++) {
                String skill = spec.skills().get(random.nextInt(spec.skills().size()));
                if (!skills.contains(skill)) {
                    skills.add(skill);
                }
            }
            volunteers.add(new PlannedVolunteer(i, places.get((i - 1) % places.size()).code(), People.name(random), female,
                    People.distinctMobile(i, random), idNumber, skills,
                    availability[random.nextInt(availability.length)], accounts.get(i)));
        }
    }

    /** Team leaders are volunteers 2, 3, …; members are drawn from volunteers of the same unit where possible. */
    private void planTeams() {
        SeedData.Teams spec = source.teams();
        if (spec == null) {
            return;
        }
        if (volunteers.isEmpty()) {
            throw new IllegalArgumentException(communityCode() + ": teams need volunteers");
        }
        List<PlannedUnit> places = spec.in() == null ? List.of(community) : unitsOf(spec.in());
        Random random = random("teams");
        Map<String, Integer> used = new LinkedHashMap<>();
        int nextLeader = 2;
        int nextMember = volunteers.size();
        for (int t = 0; t < spec.total(); t++) {
            PlannedUnit place = places.get(t % places.size());
            String base = spec.names().get(t % spec.names().size());
            int round = used.merge(base, 1, Integer::sum);
            String name = communityName() + base + (round > 1 ? "第" + round + "分队" : "");
            String category = spec.categories().get(t % spec.categories().size());
            List<Integer> memberIndexes = new ArrayList<>();
            for (int m = 1; m < spec.membersEach(); m++) {
                memberIndexes.add(nextMember--);
            }
            teams.add(new PlannedTeam(name, place.code(), category, place.name() + "志愿服务队,党员带群众、党员带骨干", nextLeader++, memberIndexes));
            random.nextInt();
        }
    }

    private void planPartners() {
        SeedData.Partners spec = source.partners();
        if (spec == null) {
            return;
        }
        Random random = random("partners");
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        int guard = 0;
        while (names.size() < spec.total()) {
            if (++guard > spec.total() * 100) {
                throw new IllegalArgumentException(communityCode() + ": not enough name parts for " + spec.total() + " partners");
            }
            names.add(spec.places().get(random.nextInt(spec.places().size())) + spec.fields().get(random.nextInt(spec.fields().size()))
                    + spec.forms().get(random.nextInt(spec.forms().size())));
        }
        partnerNames.addAll(names);
    }
}
