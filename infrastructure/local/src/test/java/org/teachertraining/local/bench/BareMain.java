package org.teachertraining.local.bench;

/** A bare JVM printing a constant: the floor under every cold start. */
public final class BareMain {
    private BareMain() {}

    public static void main(String[] args) {
        System.out.println("ok");
    }
}
