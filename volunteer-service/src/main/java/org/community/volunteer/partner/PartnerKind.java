package org.community.volunteer.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CO_BUILDING_UNIT (共驻共建单位), TWO_NEW_ORGANIZATION (两新组织), SOCIAL_ORGANIZATION (社会组织)")
public enum PartnerKind {
    CO_BUILDING_UNIT, TWO_NEW_ORGANIZATION, SOCIAL_ORGANIZATION
}
