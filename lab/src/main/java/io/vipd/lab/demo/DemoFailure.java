package io.vipd.lab.demo;

/** A step of the demo did not happen in time; the message says which, for the user. */
final class DemoFailure extends Exception {
  DemoFailure(String message) {
    super(message);
  }
}
