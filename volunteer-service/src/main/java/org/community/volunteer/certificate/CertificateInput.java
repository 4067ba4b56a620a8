package org.community.volunteer.certificate;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CertificateInput", description = "Which team's records to certify; the team's organization issues it",
        example = "{\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\"}")
public record CertificateInput(@NotNull UUID teamId) {
}
