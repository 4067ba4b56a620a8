package org.community.org.education.account;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccountLink", description = "The account (token `sub`) a member signs in with", example = "{\"account\":\"zhang.wei\"}")
public record AccountLink(@Schema(description = "Read only: the member") UUID memberId, @NotBlank @Size(max = 200) String account) {
}
