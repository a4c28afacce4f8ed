package dev.patchbay.sandbox.vcc;

import dev.patchbay.sandbox.kit.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The VCC simulator's time: tokens expire and fair-use windows roll when tests move it. */
@ApplicationScoped
public class VccClock extends MovableClock {
}
