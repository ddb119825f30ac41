/// How a cell looks. The driver maps it to curses colours, or to bold/reverse on a monochrome
/// terminal and under `NO_COLOR`, where `mono` says what stands in for the colour.
public struct Style: Hashable, Sendable {
  public enum Color: Int, Sendable, CaseIterable {
    case normal, red, green, yellow, blue, magenta, cyan, white, black
  }

  /// What a colour means when there is none.
  public enum Mono: Sendable, Hashable {
    case plain, bold, reverse, boldReverse, underline
  }

  public var fg: Color
  public var bg: Color
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public var mono: Mono
}

extension Style {
  /// A style by what differs from plain; `mono` defaults to what the attributes themselves show
  /// on a monochrome terminal (the fields are the synthesised init's).
  public init(
    fg: Color = .normal, bg: Color = .normal, bold: Bool = false, reverse: Bool = false,
    underline: Bool = false, mono: Mono? = nil
  ) {
    self.init(
      fg: fg, bg: bg, bold: bold, reverse: reverse, underline: underline,
      mono: mono ?? Self.standIn(bold: bold, reverse: reverse, underline: underline))
  }

  /// What stands in for a colour without one: the attributes the style has anyway.
  static func standIn(bold: Bool, reverse: Bool, underline: Bool) -> Mono {
    if reverse { return bold ? .boldReverse : .reverse }
    return bold ? .bold : (underline ? .underline : .plain)
  }

  public static let normal = Style()
  public static let bold = Style(bold: true)
  public static let dim = Style(fg: .cyan, mono: .plain)
  public static let title = Style(fg: .white, bg: .blue, bold: true, mono: .boldReverse)
  public static let header = Style(bold: true, underline: true)
  public static let selected = Style(reverse: true)
  public static let focusedSelected = Style(fg: .black, bg: .cyan, mono: .reverse)
  public static let paneActive = Style(fg: .black, bg: .cyan, bold: true, mono: .boldReverse)
  public static let keyName = Style(bold: true, mono: .bold)
  public static let keyLabel = Style(fg: .black, bg: .cyan, mono: .reverse)
  public static let ok = Style(fg: .green, mono: .plain)
  public static let warning = Style(fg: .yellow, bold: true, mono: .bold)
  public static let danger = Style(fg: .red, bold: true, mono: .reverse)
  public static let error = Style(fg: .white, bg: .red, bold: true, mono: .boldReverse)
  public static let info = Style(fg: .black, bg: .green, mono: .reverse)
  public static let field = Style(underline: true)
  public static let focusedField = Style(fg: .black, bg: .white, mono: .reverse)
  public static let holiday = Style(fg: .red, mono: .bold)
  public static let weekend = Style(fg: .magenta, mono: .plain)
  public static let makeup = Style(fg: .blue, bold: true, mono: .underline)
}
