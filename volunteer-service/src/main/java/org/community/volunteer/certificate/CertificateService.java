package org.community.volunteer.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.volunteer.hours.ServiceRecordRepository;
import org.community.volunteer.hours.ServiceRecordRepository.VerifiedLine;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.team.Team;
import org.community.volunteer.team.TeamRepository;
import org.community.volunteer.volunteer.Masks;
import org.community.volunteer.volunteer.Stars;
import org.community.volunteer.volunteer.VerificationStatus;
import org.community.volunteer.volunteer.Volunteer;
import org.community.volunteer.volunteer.VolunteerRepository;

/**
 * Issues certificates: "whoever records it certifies it" — a certificate covers the verified records of one
 * team and is issued in the name of the team's org unit. The PDF is stored with its serial so that a
 * certificate can be fetched again exactly as issued.
 */
@ApplicationScoped
public class CertificateService {

    @Inject
    VolunteerRepository volunteers;

    @Inject
    TeamRepository teams;

    @Inject
    ServiceRecordRepository records;

    @Inject
    CertificatePdf pdf;

    @Inject
    Db db;

    @Inject
    org.community.volunteer.audit.AuditLog audit;

    @Transactional
    public Certificate issue(UUID volunteerId, CertificateInput input) {
        Volunteer volunteer = volunteers.find(volunteerId).orElseThrow(() -> ProblemException.notFound("volunteer", volunteerId));
        Team team = teams.find(input.teamId()).orElseThrow(() -> ProblemException.invalidField("teamId", "teamUnknown", input.teamId()));
        if (volunteer.verificationStatus() != VerificationStatus.VERIFIED) {
            throw ProblemException.conflict("certificateNeedsRealName", volunteer.name());
        }
        List<VerifiedLine> lines = records.verifiedWithTeam(volunteerId, team.id());
        if (lines.isEmpty()) {
            throw ProblemException.conflictOnField("teamId", "certificateNoRecords", team.name());
        }
        long total = lines.stream().mapToLong(VerifiedLine::minutes).sum();
        Instant now = Instant.now();
        String serial = "VSC-" + now.atZone(Times.ZONE).getYear() + "-"
                + String.format("%08d", db.count("select nextval('certificate_serial_seq')"));
        byte[] document = pdf.render(new CertificatePdf.Content(serial, volunteer.name(), Masks.idNumber(volunteer.idNumber()), team.name(),
                team.orgUnitName(), lines, total, now));
        db.update("insert into certificate (id, serial, volunteer_id, team_id, issuer, total_minutes, record_count, issued_at, pdf)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), serial, volunteerId, team.id(), team.orgUnitName(), total, lines.size(),
                now, document);
        audit.record("certificate.issue", "volunteer", volunteerId, volunteer.orgPath(), org.community.volunteer.audit.AuditLog.summary(
                "serial", serial, "teamId", team.id(), "records", lines.size(), "minutes", total));
        return view(serial, volunteerId, team.id(), team.orgUnitName(), total, lines.size(), now);
    }

    public List<Certificate> list(UUID volunteerId) {
        return db.list("select serial, team_id, issuer, total_minutes, record_count, issued_at from certificate where volunteer_id = ?"
                + " order by issued_at desc, serial", row -> view(row.getString("serial"), volunteerId, Db.uuid(row, "team_id"),
                        row.getString("issuer"), row.getLong("total_minutes"), row.getInt("record_count"), Db.instant(row, "issued_at")),
                volunteerId);
    }

    public Optional<byte[]> pdf(UUID volunteerId, String serial) {
        return db.one("select pdf from certificate where volunteer_id = ? and serial = ?", row -> row.getBytes(1), volunteerId, serial);
    }

    private static Certificate view(String serial, UUID volunteerId, UUID teamId, String issuer, long minutes, int count, Instant at) {
        return new Certificate(serial, volunteerId, teamId, issuer, Stars.hours(minutes), count, Times.local(at),
                "/api/v1/volunteers/" + volunteerId + "/certificates/" + serial);
    }
}
