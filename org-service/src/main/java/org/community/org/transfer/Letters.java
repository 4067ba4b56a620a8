package org.community.org.transfer;

import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.org.member.IdNumbers;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.org.member.MemberStatus;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;

/** The two notification letters of a transfer, as plain text ready to print. */
@ApplicationScoped
public class Letters {

    public enum Kind {
        /** 告知书 to the member: where to report and by when. */
        MEMBER,
        /** 组织关系介绍信 to the receiving organization. */
        RECEIVING
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    MemberRepository members;

    @Inject
    OrgUnitRepository units;

    @Inject
    org.community.org.dues.DuesHooks dues;

    /** The paid-up month (党费交至): the receiving branch continues from the month after it. */
    private String duesLine(Member member) {
        java.time.YearMonth paidThrough = dues.paidThrough(member.id());
        if (paidThrough != null) {
            return "党费已交至" + paidThrough.getYear() + "年" + paidThrough.getMonthValue() + "月,接收党组织自"
                    + paidThrough.plusMonths(1).getYear() + "年" + paidThrough.plusMonths(1).getMonthValue() + "月起收缴。";
        }
        return dues.hasAccount(member.id()) ? "党费尚未交纳,接收党组织自其起交月份起收缴。" : "原党组织未登记党费基数。";
    }

    public String render(Transfer transfer, Kind kind) {
        Member member = members.find(transfer.memberId()).orElseThrow();
        String from = units.find(transfer.fromUnitId()).map(OrgUnit::name).orElse("");
        String to = transfer.kind() == Transfer.Kind.INTERNAL ? units.find(transfer.toUnitId()).map(OrgUnit::name).orElse("")
                : transfer.externalOrg();
        String status = switch (transfer.status()) {
            case PENDING -> "待接收";
            case ACCEPTED -> "已接收(" + DATE.format(transfer.decidedOn()) + ")";
            case REJECTED -> "已退回(" + DATE.format(transfer.decidedOn()) + ")";
            case CANCELLED -> "已撤回(" + DATE.format(transfer.decidedOn()) + ")";
        };
        String party = member.status() == MemberStatus.PROBATIONARY ? "预备党员" : "正式党员";
        StringBuilder text = new StringBuilder();
        if (kind == Kind.RECEIVING) {
            text.append("中国共产党党员组织关系介绍信\n\n");
            text.append("编号:").append(transfer.letterNumber()).append("\n\n");
            text.append(to).append(":\n\n");
            text.append("    ").append(member.name()).append("同志(").append(member.gender() == Member.Gender.MALE ? "男" : "女").append(",")
                    .append(member.birthDate().getYear()).append("年生");
            if (member.idNumber() != null) {
                text.append(",身份证号 ").append(IdNumbers.mask(member.idNumber()));
            }
            text.append(")系中共").append(party);
            if (member.admittedOn() != null) {
                text.append(",").append(DATE.format(member.admittedOn())).append("入党");
            }
            text.append(",其党员组织关系由").append(from).append("转到你处,请予接洽。\n");
            if (transfer.reason() != null) {
                text.append("    转接原因:").append(transfer.reason()).append("\n");
            }
            text.append("    ").append(duesLine(member)).append("\n");
        } else {
            text.append("党员组织关系转接告知书\n\n");
            text.append(member.name()).append("同志:\n\n");
            text.append("    你的党员组织关系已于").append(DATE.format(transfer.initiatedOn())).append("由").append(from).append("开具介绍信(编号 ")
                    .append(transfer.letterNumber()).append("),转往").append(to)
                    .append("。请自开具之日起三个月内持介绍信到接收党组织报到,并按期参加组织生活、交纳党费。\n");
            text.append("    ").append(duesLine(member)).append("\n");
        }
        text.append("\n    办理状态:").append(status).append("\n\n");
        text.append(from).append("\n").append(DATE.format(transfer.initiatedOn())).append("\n");
        return text.toString();
    }
}
