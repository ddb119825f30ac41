/// 文书依据 — which provision a notice cites, by the kind of item (事项类型, from the catalog).
///
/// The 行政许可法 governs licensing only: a 行政给付 or 公共服务 item's one-time notice and clock
/// stop rest on the district's own measures (白银区一体化政务服务平台运行管理办法: 第十六条 on telling
/// an applicant at once what is missing, 第十一条 on the time of 现场勘验、技术审查、听证论证).
public enum LegalBasis {
  static let licensingLaw = "《中华人民共和国行政许可法》"
  static let measures = "《白银区一体化政务服务平台运行管理办法》"

  /// The basis of an 一次性告知书. An item recorded without its kind cites the measures, which
  /// apply to every item.
  public static func supplement(_ type: ItemType?) -> String {
    type == .licensing ? "\(licensingLaw)第三十二条" : "\(measures)第十六条"
  }

  /// The basis of a 特别程序告知书 (the time is not counted in the limit).
  public static func clockStop(_ type: ItemType?) -> String {
    type == .licensing ? "\(licensingLaw)第四十五条" : "\(measures)第十一条"
  }
}
