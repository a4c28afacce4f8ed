package dev.patchbay.connector;

/**
 * A vendor's skill levels: the range it accepts and which end is best (Genesys 0–5 and Vonage Contact
 * Center: higher is better; Five9 1–10: 1 is best).
 */
public record SkillScale(int lowest, int highest, boolean higherIsBetter) {

    public static SkillScale higherIsBetter(int lowest, int highest) {
        return new SkillScale(lowest, highest, true);
    }

    public static SkillScale lowerIsBetter(int best, int worst) {
        return new SkillScale(best, worst, false);
    }

    public boolean accepts(int level) {
        return level >= lowest && level <= highest;
    }

    /** The better of two levels, e.g. when two group rules grant the same skill. */
    public int best(int first, int second) {
        return higherIsBetter == (first >= second) ? first : second;
    }

    @Override
    public String toString() {
        return lowest + " to " + highest + (higherIsBetter ? ", higher is better" : ", lower is better");
    }
}
