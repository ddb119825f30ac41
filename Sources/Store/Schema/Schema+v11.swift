extension Schema {
  /// Projections folded again once: a rectification awaiting verification now has a 核实
  /// deadline (`verification`, it was filed as 办结's `main`). The next open rebuilds, as for v7.
  static let v11 = """
    INSERT OR IGNORE INTO refold_pending (id) VALUES (1);
    """
}
