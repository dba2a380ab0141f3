package io.tradingedu.orchestrator.concepts;

/** Numbers as concepts carry them: whole numbers as Integer (so JSON shows 2, not 2.0) and text without ".0". */
final class Numbers {

    private Numbers() {
    }

    static Object value(double number) {
        return isWhole(number) && Math.abs(number) < Integer.MAX_VALUE ? (Object) (int) number : (Object) number;
    }

    static String text(double number) {
        return isWhole(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }

    private static boolean isWhole(double number) {
        return number == Math.rint(number) && !Double.isInfinite(number);
    }
}
