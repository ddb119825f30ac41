/// 行政区划代码 — GB/T 2260: 6 digits for a county-level district (白银市白银区 620402); the
/// township codes these data sets use extend the district's 6 with 3 more.
public enum RegionCode {
  /// Nil when `text` is a district's 6-digit code, else why not.
  public static func checkDistrict(_ text: String) -> Refusal? {
    guard isDigits(text, count: 6) else {
      return Refusal("行政区划代码「\(FieldText.sanitizeForDisplay(text))」无效:区县应为6位数字(如 620402)")
    }
    return checkProvince(text)
  }

  /// Nil when `text` is a township's 9-digit code under `district` (its first 6 digits), else
  /// why not. With no district code known, only the form is checked.
  public static func checkTownship(_ text: String, district: String?) -> Refusal? {
    guard isDigits(text, count: 9) else {
      return Refusal("行政区划代码「\(FieldText.sanitizeForDisplay(text))」无效:乡镇(街道)应为9位数字")
    }
    if let district, !text.hasPrefix(district) {
      return Refusal("乡镇(街道)行政区划代码应以本区的代码 \(district) 开头")
    }
    return checkProvince(text)
  }

  /// The first two digits name a province (the same list the resident ID check uses).
  static func checkProvince(_ text: String) -> Refusal? {
    guard let p = Int(text.prefix(2)), ResidentID.provinceCodes.contains(p) else {
      return Refusal("行政区划代码前两位不是有效的省级行政区划代码")
    }
    return nil
  }

  static func isDigits(_ text: String, count: Int) -> Bool {
    text.utf8.count == count && Masking.isDigits(text)
  }
}
