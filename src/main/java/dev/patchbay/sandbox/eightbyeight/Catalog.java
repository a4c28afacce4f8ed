package dev.patchbay.sandbox.eightbyeight;

import java.util.Optional;

/** The customer's sites and license types, which request bodies refer to by id or name. */
interface Catalog {

    Optional<Site> siteById(String id);

    Optional<Site> siteByName(String name);

    Optional<LicenseType> licenseById(String id);

    Optional<LicenseType> licenseByName(String name);
}
