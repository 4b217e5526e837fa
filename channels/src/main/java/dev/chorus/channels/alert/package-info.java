/**
 * Sends alerts out of Chorus: {@link dev.chorus.channels.alert.WebhookAlertSender} posts signed
 * JSON through {@code SafeHttp}; {@link dev.chorus.channels.alert.EmailAlertSender} sends mail over
 * SMTP (Jakarta Mail) with {@link dev.chorus.channels.alert.SmtpSettings} from the environment;
 * {@link dev.chorus.channels.alert.AlertSenders} picks one per destination and is what the
 * composition root gives core.
 */
package dev.chorus.channels.alert;
