import Domain

/// 视图切换 — one line of views with their counts (`我的 3  本单位 12  已超期 2`), the active one
/// reversed; each view's key is shown before its name.
public struct ViewTab: Equatable, Sendable {
  public var key: String
  public var title: String
  public var count: Int?
  /// The count stopped counting: there are more than `count` ("500+").
  public var more: Bool = false

  /// `o本单位 12`, `a全部 500+`.
  public var label: String {
    "\(key)\(title)" + (count.map { " \($0)" + (more ? "+" : "") } ?? "")
  }
}

public enum ViewTabs {
  public static func render(_ tabs: [ViewTab], active: Int, into frame: inout Frame, area: Rect) {
    var x = area.x
    for (i, t) in tabs.enumerated() {
      let label = t.label
      let w = DisplayWidth.of(label) + 2
      guard x + w <= area.maxX else { break }
      let style: Style = i == active ? .paneActive : .normal
      frame.put(" \(label) ", x: x, y: area.y, style: style)
      x += w + 1
    }
  }
}
