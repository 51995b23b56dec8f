#!/usr/bin/env python3
"""make-fixtures.py — writes the small committed fixtures of the unit tests
(tests/unit/test_fetch_parsers.c) with gen-site.py's writers:

  plan-small.xlsx   a plan table as printed: title row, merged cells left
                    blank, 招生规模, a cell split over two lines, the header
                    repeated, 小计 and 总计 rows (numbers from data/tables/
                    gtpy_plan_2023.csv, i.e. seed 001)
  list-small.docx   a 3+2 list with vMerge'd school cells (seed 004)

clippy.xls is not generated: it is readxl's example file
(R package readxl, inst/extdata/clippy.xls, MIT licence), used because
no .xls writer is available; it checks that BIFF text and numbers come
through freexl.

usage: python3 tests/fetch/data/make-fixtures.py   (from the source tree)
"""
import importlib.util
import os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gensite", os.path.join(here, "..", "gen-site.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)

rows = [
    ["2023年北京市高端技术技能人才贯通培养招生计划表"],
    ["项目类型", "招生规模", "招生院校", "招生专业", "合作本科高校", "招生计划", "备注"],
    ["高本贯通", 120, "北京电子科技\n职业学院", "机电一体化技术", "北方工业大学", 60, ""],
    ["", "", "", "机械制造与自动化", "", 30, ""],
    ["项目类型", "招生规模", "招生院校", "招生专业", "合作本科高校", "招生计划", "备注"],
    ["", "", "", "计算机应用技术", "北京信息科技大学", "", "缺"],
    ["", 150, "北京城市学院", "学前教育", "北京城市学院", 60, ""],
    ["", "", "", "数字艺术设计", "", 30, ""],
    ["小计", "", "", "", "", 270, ""],
    ["总计", "", "", "", "", 270, ""],
]
with open(os.path.join(here, "plan-small.xlsx"), "wb") as f:
    f.write(g.xlsx(rows, ["A1:G1", "A3:A8", "B3:B6", "C3:C6"]))
doc = [
    [("序号", None), ("中职学校", None), ("中职专业", None), ("高职学校", None), ("高职专业", None)],
    [("1", None), ("北京市昌平职业学校", "restart"), ("设施农业生产技术", None), ("北京农业职业学院", None), ("设施农业与装备", None)],
    [("2", None), ("", "continue"), ("宠物养护与经营", None), ("北京农业职业学院", None), ("宠物医疗技术", None)],
    [("3", None), ("北京铁路电气化学校", "restart"), ("供用电技术", None), ("北京工业职业技术学院", None), ("电气自动化技术", None)],
]
with open(os.path.join(here, "list-small.docx"), "wb") as f:
    f.write(g.docx("2024年新增“3+2”中高职衔接办学项目名单", doc))
