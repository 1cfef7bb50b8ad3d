package io.aether.api.platform.web;

/** Cells of the CSV files the API serves (audit log exports, report data). */
public final class CsvCells {
    private CsvCells() {}

    /**
     * One text cell: neutralised against formula injection, then quoted. A value starting with
     * {@code = + - @}, a tab or a carriage return would be evaluated as a formula by a spreadsheet
     * (OWASP "CSV injection"), so it gets a leading single quote, which spreadsheets show as text.
     */
    public static String cell(String value) {
        return quoted(neutralised(value));
    }

    public static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** RFC 4180: a value holding a comma, quote or line break is quoted, its quotes doubled. */
    public static String quoted(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
