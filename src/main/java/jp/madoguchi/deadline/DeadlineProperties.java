package jp.madoguchi.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The desk's clock settings.
 *
 * @param reminderBusinessDaysBefore how many business days before the target deadline the assignee is reminded
 * @param legalRiskCalendarDays after how many calendar days an unanswered request is flagged (APPI Art 39: two weeks)
 * @param requesterReminderBusinessDays after how many business days of waiting the requester is reminded
 * @param requesterAbandonBusinessDays after how many business days of waiting the request is closed as abandoned
 * @param deskEmail where reminders for unassigned tasks go
 */
@ConfigurationProperties("madoguchi.deadline")
public record DeadlineProperties(
    @DefaultValue("2") int reminderBusinessDaysBefore,
    @DefaultValue("14") int legalRiskCalendarDays,
    @DefaultValue("10") int requesterReminderBusinessDays,
    @DefaultValue("30") int requesterAbandonBusinessDays,
    @DefaultValue("privacy-desk@example.invalid") String deskEmail) {}
