package dev.patchbay.connector.genesys;

/** What all jobs of one connection share: the OAuth clients with their tokens, and the catalogue listings. */
record GenesysSession(GenesysClients clients, GenesysCatalog.Listings listings) {
}
