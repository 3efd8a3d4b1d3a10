package jp.madoguchi.provision;

/** Which way the data went: provided by the company to a third party (Art 29) or received from one (Art 30). */
public enum Direction {
  PROVIDED,
  RECEIVED
}
