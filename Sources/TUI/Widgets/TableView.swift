import Domain

/// A column of a table: a title and how wide it may be.
public struct TableColumn: Equatable, Sendable {
  public var title: String
  /// Columns it takes (the minimum for a flexible column).
  public var width: Int
  /// Takes the width left over by the fixed columns (shared among flexible ones).
  public var flexible: Bool
  public var alignRight: Bool
  /// Names the row (办件编号): the selection bar ends with the last such column.
  public var key: Bool
}

extension TableColumn {
  /// A column by its title, as every table writes it (the fields are the synthesised init's).
  public init(
    _ title: String, width: Int, flexible: Bool = false, alignRight: Bool = false,
    key: Bool = false
  ) {
    self.init(title: title, width: width, flexible: flexible, alignRight: alignRight, key: key)
  }
}

/// One cell: text (sanitised and truncated at draw time) and an optional style of its own.
public struct TableCell: Equatable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var style: Style?

  public init(_ text: String, style: Style? = nil) {
    self.text = text
    self.style = style
  }

  public init(stringLiteral value: String) { self.init(value) }
}

public struct TableRow: Equatable, Sendable {
  public var cells: [TableCell]
  public init(_ cells: [TableCell]) { self.cells = cells }
}

/// 列表光标 — the selected row and the first visible row of a list or table.
public struct ListCursor: Equatable, Sendable {
  public private(set) var selected = 0
  public private(set) var top = 0

  public init(selected: Int = 0) { self.selected = max(0, selected) }

  /// Moves for Up/Down/j/k/PgUp/PgDn/Home/End; false if the key is not a movement.
  public mutating func handle(_ key: Key, count: Int, page: Int) -> Bool {
    guard count > 0 else {
      switch key {
      case .up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end: return true
      default: return false
      }
    }
    switch key {
    case .up, .char("k"): selected -= 1
    case .down, .char("j"): selected += 1
    case .pageUp: selected -= max(1, page)
    case .pageDown: selected += max(1, page)
    case .home: selected = 0
    case .end: selected = count - 1
    default: return false
    }
    clamp(count: count, page: page)
    return true
  }

  public mutating func select(_ index: Int, count: Int, page: Int) {
    selected = index
    clamp(count: count, page: page)
  }

  /// Keeps the selection inside the rows and visible in a window of `page` rows.
  public mutating func clamp(count: Int, page: Int) {
    selected = max(0, min(selected, count - 1))
    let p = max(1, page)
    if selected < top { top = selected }
    if selected >= top + p { top = selected - p + 1 }
    top = max(0, min(top, max(0, count - p)))
  }
}

/// 表格 — a header that stays put and rows that scroll under it, columns lined up in display
/// columns on every row whatever mix of Chinese and ASCII they hold.
public enum TableView {
  /// Column widths for a total width: fixed columns as given, flexible ones share the rest.
  public static func widths(_ columns: [TableColumn], total: Int) -> [Int] {
    let gaps = max(0, columns.count - 1)
    let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width }
    let flexCount = columns.filter(\.flexible).count
    let spare = max(0, total - gaps - fixed)
    var out: [Int] = []
    var given = 0
    var flexSeen = 0
    for c in columns {
      if c.flexible {
        flexSeen += 1
        let share = flexSeen == flexCount ? spare - given : spare / max(1, flexCount)
        given += share
        out.append(max(c.width, share))
      } else {
        out.append(c.width)
      }
    }
    return out
  }

  /// Draws header and the visible window of rows. The selected row carries the selection bar
  /// from its start through its last key column (the whole row when no column is a key): on a
  /// slow SSH link a cursor move then re-sends the row's number, not two whole rows of Chinese
  /// text, as mutt's `arrow_cursor` does for the same reason.
  public static func render(
    columns: [TableColumn], rows: [TableRow], cursor: ListCursor, focused: Bool = true,
    empty: String = "(无记录)", into frame: inout Frame, area: Rect
  ) {
    guard area.height > 0 else { return }
    let widths = widths(columns, total: area.width)
    var x = area.x
    frame.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: .header)
    for (c, w) in zip(columns, widths) {
      frame.put(
        DisplayWidth.pad(c.title, to: w, alignRight: c.alignRight), x: x, y: area.y, maxWidth: w,
        style: .header)
      x += w + 1
    }
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    if rows.isEmpty {
      frame.put(empty, x: body.x + 1, y: body.y, maxWidth: body.width - 1, style: .dim)
      return
    }
    let lastKey = columns.lastIndex(where: \.key)
    let barWidth =
      lastKey.map { k in min(body.width, widths[...k].reduce(0, +) + k) } ?? body.width
    for (i, row) in rows.enumerated().dropFirst(cursor.top).prefix(body.height) {
      let y = body.y + i - cursor.top
      let isSelected = i == cursor.selected
      let barStyle: Style = focused ? .focusedSelected : .selected
      if isSelected {
        frame.fill(Rect(x: body.x, y: y, width: barWidth, height: 1), style: barStyle)
      }
      var cx = body.x
      for (j, w) in widths.enumerated() {
        let cell = j < row.cells.count ? row.cells[j] : TableCell("")
        let inBar = isSelected && (lastKey.map { j <= $0 } ?? true)
        let style = inBar && cell.style == nil ? barStyle : (cell.style ?? .normal)
        let text = DisplayWidth.pad(cell.text, to: w, alignRight: columns[j].alignRight)
        frame.put(text, x: cx, y: y, maxWidth: w, style: style)
        cx += w + 1
      }
    }
  }
}
