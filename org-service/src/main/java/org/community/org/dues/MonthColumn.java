package org.community.org.dues;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A month stored as its first day ({@code date} columns), as the dues tables and their SQL keep months. */
@Converter
public class MonthColumn implements AttributeConverter<YearMonth, LocalDate> {

    @Override
    public LocalDate convertToDatabaseColumn(YearMonth month) {
        return DuesCalendar.firstDay(month);
    }

    @Override
    public YearMonth convertToEntityAttribute(LocalDate day) {
        return DuesCalendar.month(day);
    }
}
