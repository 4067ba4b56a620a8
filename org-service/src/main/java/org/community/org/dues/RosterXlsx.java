package org.community.org.dues;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A branch's month as a spreadsheet: one row per member, the totals at the bottom. Amounts are numbers with two decimals. */
public final class RosterXlsx {

    static final String[] HEADER = { "姓名", "党员状态", "交纳类别", "月应交(元)", "交纳状态", "实交党费(元)", "自愿多交(元)", "收据号", "交纳日期", "交至" };

    private RosterXlsx() {
    }

    public static byte[] render(String unitName, YearMonth month, List<DuesViews.RosterLine> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(month.toString());
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            sheet.createRow(0).createCell(0).setCellValue(unitName + " " + month.getYear() + "年" + month.getMonthValue() + "月党费收缴表");
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            int r = 2;
            java.math.BigDecimal due = java.math.BigDecimal.ZERO;
            java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
            java.math.BigDecimal extra = java.math.BigDecimal.ZERO;
            for (DuesViews.RosterLine line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.name());
                row.createCell(1).setCellValue(line.status().name());
                row.createCell(2).setCellValue(line.category() == null ? "" : line.category().name());
                amount(row, 3, line.monthlyAmount(), money);
                row.createCell(4).setCellValue(line.duesStatus().name());
                amount(row, 5, line.paidDueAmount(), money);
                amount(row, 6, line.extraAmount(), money);
                row.createCell(7).setCellValue(line.receiptNo() == null ? "" : line.receiptNo());
                row.createCell(8).setCellValue(line.paidOn() == null ? "" : line.paidOn().toString());
                row.createCell(9).setCellValue(line.paidThrough() == null ? "" : line.paidThrough().toString());
                if (line.duesStatus() == DuesViews.RosterStatus.PAID || line.duesStatus() == DuesViews.RosterStatus.DUE) {
                    due = due.add(line.monthlyAmount() == null ? java.math.BigDecimal.ZERO : line.monthlyAmount());
                }
                paid = paid.add(line.paidDueAmount() == null ? java.math.BigDecimal.ZERO : line.paidDueAmount());
                extra = extra.add(line.extraAmount() == null ? java.math.BigDecimal.ZERO : line.extraAmount());
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("合计");
            amount(total, 3, due, money);
            amount(total, 5, paid, money);
            amount(total, 6, extra, money);
            for (int i = 0; i < HEADER.length; i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void amount(Row row, int column, java.math.BigDecimal value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
