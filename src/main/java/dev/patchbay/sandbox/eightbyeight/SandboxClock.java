package dev.patchbay.sandbox.eightbyeight;

import dev.patchbay.sandbox.kit.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The 8x8 simulator's time: operations finish and rate-limit windows roll when tests move it. */
@ApplicationScoped
public class SandboxClock extends MovableClock {
}
