package jp.madoguchi.deadline;

import java.util.Date;

/**
 * The SLA clock's dates as the process's timers and tasks use them.
 *
 * @param art39Date when the request has been unanswered for as long as APPI Art 39 allows (the process variable
 *     {@code legalRiskDate}); null for a purpose notification and a complaint
 */
public record ClockDates(Date targetDueDate, Date reminderDate, Date art39Date) {}
