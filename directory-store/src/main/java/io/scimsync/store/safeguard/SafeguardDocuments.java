package io.scimsync.store.safeguard;

import java.time.Duration;
import org.bson.Document;

/** Safeguard settings as the store keeps them: the ops API's names, the window as ISO-8601. */
final class SafeguardDocuments {

    private SafeguardDocuments() {
    }

    static Document toDocument(Safeguards safeguards) {
        return new Document("deletionThreshold", safeguards.deletionThreshold())
                .append("deletionThresholdPercent", safeguards.deletionThresholdPercent())
                .append("deletionWindow", safeguards.deletionWindow().toString())
                .append("renamePolicy", safeguards.renamePolicy().wireName())
                .append("quarantinePauseRatio", safeguards.quarantinePauseRatio())
                .append("quarantinePauseWindow", safeguards.quarantinePauseWindow())
                .append("quarantinePauseMinimum", safeguards.quarantinePauseMinimum())
                .append("notificationUrl", safeguards.notificationUrl());
    }

    static Safeguards fromDocument(Document document) {
        Number percent = (Number) document.get("deletionThresholdPercent");
        Number threshold = (Number) document.get("deletionThreshold");
        return new Safeguards(
                threshold == null ? null : threshold.intValue(),
                percent == null ? null : percent.doubleValue(),
                Duration.parse(document.getString("deletionWindow")),
                RenamePolicy.fromWireName(document.getString("renamePolicy")),
                ((Number) document.get("quarantinePauseRatio")).doubleValue(),
                ((Number) document.get("quarantinePauseWindow")).intValue(),
                ((Number) document.get("quarantinePauseMinimum")).intValue(),
                document.getString("notificationUrl"));
    }
}
