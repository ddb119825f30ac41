/// 办事指南 — the printed service guide of one version of an item: every element of 第九条 and,
/// when filled, the GB/T 39046 elements (`NationalElements`), laid out as every notice is
/// (`NoticeLayout`: A4, 66 columns), so it prints whole on the node's printer.
public enum ServiceGuide {
  static let template = """
    ^{{实施机关}}
    ^{{事项名称}}办事指南
    ^(事项编码 {{事项编码}},第{{版本}}版{{生效}})

    一、事项类型:{{事项类型}}
    二、实施主体:{{实施机关}}
    三、设定依据:{{设定依据}}
    四、受理条件:{{受理条件}}
    五、申请材料:
        {{申请材料}}
    六、中介服务:{{中介服务}}
    七、办理流程:{{办理流程}}
    八、办理时限:法定{{法定时限}},承诺{{承诺时限}}(受理当日不计,法定节假日顺延)
    九、收费标准:{{收费标准}}
    十、办理结果:{{办理结果}}
    十一、办理地点:{{办理地点}}
    十二、办理时间:{{办理时间}}
    十三、咨询电话:{{咨询电话}}
    十四、全程网办:{{全程网办}}
    {{别名}}
    {{国家标准要素}}
    """

  /// The guide's text, or why the template could not be filled (it always can: every
  /// placeholder is given).
  public static func text(_ item: CatalogItem, organisationName: String) -> String {
    let materials = item.materials.enumerated().map { i, m in "\(i + 1). \(m.name)(\(m.summary))" }
    var national: [String] = []
    if let n = item.national {
      national.append("十五、国家标准要素(GB/T 39046):")
      national += n.fields.filter { !$0.value.isEmpty }.map { "    \($0.label):\($0.value)" }
    }
    let values: [String: String] = [
      "实施机关": organisationName, "事项名称": item.name, "事项编码": item.code,
      "版本": String(item.version), "生效": item.effectiveOn.map { ",\($0.iso)起施行" } ?? "",
      "事项类型": item.type.title, "设定依据": item.legalBasis, "受理条件": item.conditions,
      "申请材料": materials.joined(separator: "\n"),
      "中介服务": item.intermediaries.isEmpty ? "无" : item.intermediaries,
      "办理流程": item.steps, "法定时限": CatalogItem.limitText(item.legalDays),
      "承诺时限": CatalogItem.limitText(item.promisedDays), "收费标准": item.fee,
      "办理结果": item.result, "办理地点": item.place, "办理时间": item.hours,
      "咨询电话": item.phone, "全程网办": item.isFullyOnline ? "是" : "否",
      "别名": (item.aliases ?? []).isEmpty
        ? "" : "又称:" + (item.aliases ?? []).joined(separator: "、"),
      "国家标准要素": national.joined(separator: "\n"),
    ]
    switch NoticeLayout.lay(template, values: values) {
    case .success(let text): return text
    case .failure(let p): return "办事指南无法排版: \(p)"
    }
  }
}
