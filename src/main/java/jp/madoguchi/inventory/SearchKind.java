package jp.madoguchi.inventory;

/** How a system is searched for a requester's data. Connectors will add automatic kinds. */
public enum SearchKind {
  /** A person of the owning group searches it. */
  MANUAL
}
