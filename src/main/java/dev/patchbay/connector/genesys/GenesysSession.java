package dev.patchbay.connector.genesys;

import dev.patchbay.connector.kit.ClientCredentialsTokens;

/** What all jobs of one connection share: the OAuth token source and the catalogue listings. */
record GenesysSession(ClientCredentialsTokens tokens, GenesysCatalog.Listings listings) {
}
