package org.community.consultation.resolution;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of resolutions, objections, tasks and projects. */
public final class Inputs {

    private Inputs() {
    }

    @Schema(name = "ResolutionInput", description = "A resolution on a topic in the RESOLUTION stage",
            example = "{\"topicId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"text\":\"3 栋 1 单元加装电梯,费用按楼层分摊\",\"basis\":\"VOTE\","
                    + "\"voteId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a11\",\"responsibleParty\":\"3 栋加梯工作小组\",\"noticeDays\":7,\"createdBy\":\"业委会 陈立\"}")
    public record ResolutionInput(
            @NotNull UUID topicId,
            @NotBlank @Size(max = 10000) String text,
            @NotNull Basis basis,
            @Schema(description = "The passed, closed vote (basis VOTE)") UUID voteId,
            @NotBlank @Size(max = 200) @Schema(description = "Who carries it out") String responsibleParty,
            @Min(1) @Max(90) @Schema(description = "Days of public notice after publication; 7 when absent") Integer noticeDays,
            @NotBlank @Size(max = 100) String createdBy) {
    }

    @Schema(name = "PublishRequest", description = "Publish a resolution; the notice period starts now",
            example = "{\"publishedBy\":\"社区居委会 李娜\"}")
    public record PublishRequest(
            @NotBlank @Size(max = 100) String publishedBy,
            @Schema(description = "End of the notice period; now + noticeDays when absent") OffsetDateTime noticeEndsAt) {
    }

    @Schema(name = "ObjectionInput", description = "An owner's objection during the notice period",
            example = "{\"ownerName\":\"王秀英\",\"unitId\":\"3-1-101\",\"text\":\"一楼采光受影响,要求补偿方案\"}")
    public record ObjectionInput(@NotBlank @Size(max = 100) String ownerName, @Size(max = 100) String unitId,
            @NotBlank @Size(max = 5000) String text) {
    }

    @Schema(name = "ObjectionAnswer", example = "{\"answer\":\"已协商一楼住户补偿 2 万元\",\"answeredBy\":\"3 栋加梯工作小组\"}")
    public record AnswerInput(@NotBlank @Size(max = 5000) String answer, @NotBlank @Size(max = 100) String answeredBy) {
    }

    @Schema(name = "TaskInput", example = "{\"title\":\"签订电梯采购合同\",\"owner\":\"3 栋加梯工作小组\",\"dueOn\":\"2023-10-31\"}")
    public record TaskInput(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String owner, @NotNull LocalDate dueOn) {
    }

    @Schema(name = "ProgressInput", example = "{\"progress\":60,\"note\":\"井道施工完成\",\"actor\":\"3 栋加梯工作小组\"}")
    public record ProgressInput(@NotNull @Min(0) @Max(100) Integer progress, @NotBlank @Size(max = 2000) String note,
            @NotBlank @Size(max = 100) String actor) {
    }

    @Schema(name = "ProjectInput", description = "The volunteer project that carries out a resolution, started in volunteer-service",
            example = "{\"title\":\"施工期助老\",\"description\":\"加装电梯施工期间为老人代买代送\","
                    + "\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"kind\":\"PRACTICAL_MATTER\"}")
    public record ProjectInput(@NotBlank @Size(max = 100) @Schema(description = "Project name in volunteer-service") String title,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Schema(description = "The volunteer-service team that runs the project") UUID teamId,
            @Pattern(regexp = "SECRETARY_PROJECT|PRACTICAL_MATTER|OTHER")
            @Schema(description = "SECRETARY_PROJECT (书记项目), PRACTICAL_MATTER (我为群众办实事, the default) or OTHER") String kind,
            @Size(max = 50) @Schema(description = "Open demands of volunteer-service the project takes on") List<@NotNull UUID> demandIds) {
    }
}
