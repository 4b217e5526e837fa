/**
 * Alerts: a volume spike or a negative-sentiment surge per saved query (or for the whole
 * workspace), found by comparing the recent window with a baseline of the same-sized windows before
 * it.
 *
 * <p>Entry points: {@link dev.chorus.core.alerts.EvaluateAlerts#evaluate} (the app calls it every
 * minute), {@link dev.chorus.core.alerts.DeliverAlerts#deliverDue} (sends pending deliveries
 * through an {@link dev.chorus.core.alerts.AlertSender}, which the channels module implements),
 * {@link dev.chorus.core.alerts.ChangeAlertRule}, {@link dev.chorus.core.alerts.AcknowledgeAlert}
 * and {@link dev.chorus.core.alerts.ManageDestinations}. The statistics live in {@link
 * dev.chorus.core.alerts.Detector}, a pure function of counts; the cool-down and "still going"
 * follow-ups in {@link dev.chorus.core.alerts.CoolDown}. docs/ARCHITECTURE.md describes the method
 * and docs/DECISIONS.md its thresholds.
 */
package dev.chorus.core.alerts;
