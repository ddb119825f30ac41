import Domain

/// A rectangle in cell coordinates.
public struct Rect: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }

  public func inset(_ dx: Int, _ dy: Int) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// Splits off `rows` at the top: (top, rest).
  public func splitTop(_ rows: Int) -> (Rect, Rect) {
    let r = min(rows, height)
    return (
      Rect(x: x, y: y, width: width, height: r),
      Rect(x: x, y: y + r, width: width, height: height - r)
    )
  }

  public func splitLeft(_ cols: Int) -> (Rect, Rect) {
    let c = min(cols, width)
    return (
      Rect(x: x, y: y, width: c, height: height),
      Rect(x: x + c, y: y, width: width - c, height: height)
    )
  }

  /// A centred box of at most the given size.
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(w, width)
    let ch = min(h, height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }
}

/// One terminal cell: a glyph (empty for the right half of a wide glyph), its width and style.
public struct Cell: Equatable, Sendable {
  public var glyph: Character?
  public var style: Style

  public static let blank = Cell(glyph: " ", style: .normal)
  /// The right half of a two-column glyph: drawn by its left neighbour.
  public static func continuation(_ style: Style) -> Cell { Cell(glyph: nil, style: style) }
}

/// 屏幕缓冲 — the whole screen as cells. Panes draw here; only the driver copies it to curses.
public struct Frame: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the real terminal cursor goes (the caret of the focused text field), nil = hidden.
  public var cursor: (x: Int, y: Int)? {
    get { cursorX.map { ($0, cursorY) } }
    set {
      cursorX = newValue?.x
      cursorY = newValue?.y ?? 0
    }
  }
  private var cursorX: Int?
  private var cursorY = 0

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

  public mutating func fill(_ rect: Rect, style: Style = .normal) {
    let left = max(0, rect.x)
    let right = min(width, rect.maxX)
    guard left < right else { return }
    for yy in max(0, rect.y)..<min(height, rect.maxY) {
      let row = yy * width
      // A wide glyph cut by an edge of the rectangle loses its other half too: half a glyph
      // left behind would be drawn whole by the terminal, over the filled area.
      if left > 0, cells[row + left].glyph == nil {
        cells[row + left - 1] = Cell(glyph: " ", style: cells[row + left - 1].style)
      }
      for xx in left..<right {
        cells[row + xx] = Cell(glyph: " ", style: style)
      }
      if right < width, cells[row + right].glyph == nil {
        cells[row + right] = Cell(glyph: " ", style: cells[row + right].style)
      }
    }
  }

  /// Draws one line of text at (x, y), clipped to `maxWidth` columns (and the frame) with a `~`
  /// mark where it is cut; a wide glyph that would cross the edge is never half drawn.
  /// - Returns: columns used.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(maxWidth ?? (width - x), width - x)
    guard limit > 0 else { return 0 }
    // The cell buffer's one text entry point: control characters, escape sequences and bidi
    // overrides from stored text never reach curses (the one sanitiser, shown as marks).
    let clean = SafeText.line(text)
    let shown = DisplayWidth.truncate(clean, to: limit)
    var col = x
    for c in shown {
      let w = DisplayWidth.of(c)
      if w == 0 { continue }
      if col >= 0 {
        setCell(col, y, Cell(glyph: c, style: style))
        if w == 2, col + 1 < width { setCell(col + 1, y, .continuation(style)) }
      }
      col += w
    }
    return col - x
  }

  /// Applies a style to existing cells (a selection bar) without changing their glyphs.
  public mutating func restyle(_ rect: Rect, style: Style) {
    for yy in max(0, rect.y)..<min(height, rect.maxY) {
      for xx in max(0, rect.x)..<min(width, rect.maxX) {
        cells[yy * width + xx].style = style
      }
    }
  }

  private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let i = y * width + x
    // Overwriting half of a wide glyph blanks the other half so nothing is left dangling.
    if cells[i].glyph == nil, x > 0, cell.glyph != nil {
      cells[i - 1] = Cell(glyph: " ", style: cells[i - 1].style)
    }
    if let g = cells[i].glyph, DisplayWidth.of(g) == 2, x + 1 < width, cells[i + 1].glyph == nil,
      !(cell.glyph.map { DisplayWidth.of($0) == 2 } ?? false)
    {
      cells[i + 1] = Cell(glyph: " ", style: cells[i + 1].style)
    }
    cells[i] = cell
  }

  /// One row as text (wide glyphs once), trailing spaces kept: the golden-file form.
  public func line(_ y: Int) -> String {
    var s = ""
    for x in 0..<width {
      if let g = cells[y * width + x].glyph { s.append(g) }
    }
    return s
  }

  /// The whole frame as text, trailing spaces trimmed per line.
  public var text: String {
    (0..<height).map { y -> String in
      var l = line(y)
      while l.last == " " { l.removeLast() }
      return l
    }.joined(separator: "\n")
  }

  public static func == (a: Frame, b: Frame) -> Bool {
    a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX
      && a.cursorY == b.cursorY
  }
}
