package org.community.consultation.meeting;

/** The parties at a consultation table (社区治理委员会 members and residents). */
public enum Party {
    /** 党组织 */
    PARTY_ORGANIZATION,
    /** 居委会 */
    RESIDENTS_COMMITTEE,
    /** 业委会 */
    OWNERS_COMMITTEE,
    /** 物业公司 */
    PROPERTY_COMPANY,
    /** 驻区单位 */
    RESIDENT_UNIT,
    /** 社会组织 */
    SOCIAL_ORGANIZATION,
    /** 居民代表 */
    RESIDENT_REPRESENTATIVE,
    /** 居民 */
    RESIDENT
}
