package dev.patchbay.connector;

/**
 * A vendor as the admin API and the console show it: its id in connections ({@code genesys}), its name,
 * the settings its connections take, what its connector can do, and its list prices.
 */
public record Vendor(String id, String displayName, SettingsSchema settings, Capabilities capabilities,
        ListPrices listPrices) {

    public Vendor(String id, String displayName, SettingsSchema settings, Capabilities capabilities) {
        this(id, displayName, settings, capabilities, ListPrices.none());
    }
}
