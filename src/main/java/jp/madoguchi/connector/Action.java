package jp.madoguchi.connector;

/** What the desk carries out on a system after an approved decision. */
public enum Action {
  ERASURE,
  CORRECTION,
  SUSPENSION
}
