package dev.patchbay.sandbox.eightbyeight;

/** A ring group or UC call queue the user is a member of ({@code assignmentInfo}). */
record Assignment(String id, String name, String memberType) {
}
