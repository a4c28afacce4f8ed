package dev.patchbay.sandbox.vbc;

import dev.patchbay.sandbox.kit.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The VBC simulator's time: access and refresh tokens expire when tests move it. */
@ApplicationScoped
public class VbcClock extends MovableClock {
}
