package org.community.org.tree;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place in the chain. Which pairs may be parent and child is data: see {@link LevelRules}. */
@Schema(description = "Level in the chain: 市 CITY, 区 DISTRICT, 街道 STREET, 社区 COMMUNITY, 网格 GRID, 小区 COMPOUND, 楼栋 BUILDING")
public enum Level {
    CITY, DISTRICT, STREET, COMMUNITY, GRID, COMPOUND, BUILDING
}
