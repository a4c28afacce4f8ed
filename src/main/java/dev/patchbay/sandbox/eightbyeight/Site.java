package dev.patchbay.sandbox.eightbyeight;

/** An 8x8 site: every user belongs to one, chosen at creation. New users inherit its time zone. */
record Site(String id, String name, String pbxName, String timezone) {
}
