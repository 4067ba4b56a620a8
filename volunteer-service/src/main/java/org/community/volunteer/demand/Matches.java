package org.community.volunteer.demand;

import java.util.List;
import java.util.UUID;

import org.community.volunteer.partner.ResourceView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Matches", description = "Teams and resources of the demand's community that fit it, best first")
public record Matches(UUID demandId, List<TeamMatch> teams, List<ResourceView> resources) {

    @Schema(name = "TeamMatch", description = "A team that fits: same category, and/or members with every required skill")
    public record TeamMatch(UUID teamId, String name, @Schema(nullable = true) String category, @Schema(nullable = true) String orgUnitName,
            @Schema(description = "The team's service category is the demand's") boolean categoryMatches,
            @Schema(description = "Members holding every skill the demand requires") long membersWithSkills,
            @Schema(description = "Higher is better") int score) {
    }
}
