package org.community.volunteer.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.community.volunteer.hours.ServiceRecordRepository;
import org.community.volunteer.hours.ServiceRecordRepository.VerifiedLine;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.team.Team;
import org.community.volunteer.volunteer.Masks;
import org.community.volunteer.volunteer.Stars;
import org.community.volunteer.volunteer.VerificationStatus;
import org.community.volunteer.volunteer.Volunteer;

/**
 * Issues certificates: "whoever records it certifies it" — a certificate covers the verified records of one
 * team and is issued in the name of the team's org unit. The PDF is stored with its serial so that a
 * certificate can be fetched again exactly as issued.
 */
@ApplicationScoped
public class CertificateService {

    @Inject
    ServiceRecordRepository records;

    @Inject
    CertificatePdf pdf;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Transactional
    public Certificate issue(UUID volunteerId, CertificateInput input) {
        Volunteer volunteer = Volunteer.<Volunteer>findByIdOptional(volunteerId)
                .orElseThrow(() -> ProblemException.notFound("volunteer", volunteerId));
        Team team = Team.<Team>findByIdOptional(input.teamId())
                .orElseThrow(() -> ProblemException.invalidField("teamId", "teamUnknown", input.teamId()));
        if (volunteer.verificationStatus != VerificationStatus.VERIFIED) {
            throw ProblemException.conflict("certificateNeedsRealName", volunteer.name);
        }
        List<VerifiedLine> lines = records.verifiedWithTeam(volunteerId, team.id);
        if (lines.isEmpty()) {
            throw ProblemException.conflictOnField("teamId", "certificateNoRecords", team.name);
        }
        long total = lines.stream().mapToLong(VerifiedLine::minutes).sum();
        Instant now = Instant.now();
        long number = ((Number) entityManager.createNativeQuery("select nextval('certificate_serial_seq')").getSingleResult()).longValue();
        IssuedCertificate certificate = new IssuedCertificate();
        certificate.serial = "VSC-" + now.atZone(Times.ZONE).getYear() + "-" + String.format("%08d", number);
        certificate.volunteerId = volunteerId;
        certificate.teamId = team.id;
        certificate.issuer = team.orgUnitName;
        certificate.totalMinutes = total;
        certificate.recordCount = lines.size();
        certificate.issuedAt = now;
        certificate.pdf = pdf.render(new CertificatePdf.Content(certificate.serial, volunteer.name, Masks.idNumber(volunteer.idNumber),
                team.name, team.orgUnitName, lines, total, now));
        certificate.persistAndFlush();
        audit.record("certificate.issue", "volunteer", volunteerId, volunteer.orgPath, AuditLog.summary("serial", certificate.serial,
                "teamId", team.id, "records", lines.size(), "minutes", total));
        return view(certificate.serial, volunteerId, team.id, certificate.issuer, total, lines.size(), now);
    }

    /** The volunteer's certificates, newest first, without their PDFs. */
    public List<Certificate> list(UUID volunteerId) {
        return entityManager.createQuery("select c.serial, c.teamId, c.issuer, c.totalMinutes, c.recordCount, c.issuedAt"
                + " from IssuedCertificate c where c.volunteerId = ?1 order by c.issuedAt desc, c.serial", Object[].class)
                .setParameter(1, volunteerId).getResultList().stream()
                .map(row -> view((String) row[0], volunteerId, (UUID) row[1], (String) row[2], (Long) row[3], (Integer) row[4], (Instant) row[5]))
                .toList();
    }

    public Optional<byte[]> pdf(UUID volunteerId, String serial) {
        return entityManager.createQuery("select c.pdf from IssuedCertificate c where c.volunteerId = ?1 and c.serial = ?2", byte[].class)
                .setParameter(1, volunteerId).setParameter(2, serial).getResultStream().findFirst();
    }

    private static Certificate view(String serial, UUID volunteerId, UUID teamId, String issuer, long minutes, int count, Instant at) {
        return new Certificate(serial, volunteerId, teamId, issuer, Stars.hours(minutes), count, Times.local(at),
                "/api/v1/volunteers/" + volunteerId + "/certificates/" + serial);
    }
}
