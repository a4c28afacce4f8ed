package dev.patchbay.connector.genesys;

/** What all jobs of one connection share: the OAuth token source and the catalogue listings. */
record GenesysSession(GenesysTokens tokens, GenesysCatalog.Listings listings) {
}
