from __future__ import annotations

import resource
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from smartprovince.core import dataversion
from smartprovince.core.scale import ScaleRefused, generate


class Command(BaseCommand):
    help = (
        "สร้างข้อมูลจำลองขนาดจังหวัดสำหรับวัดประสิทธิภาพ (กำหนดได้ซ้ำด้วย --seed) "
        "scale 1 ≈ หนึ่งจังหวัดตลอดแผน: หน่วยงาน 150 แห่ง โครงการ 3,000 โครงการ (ปีงบประมาณ 2563–2565) "
        "รายงานรายเดือน 100,000 ฉบับ บุคลากร 10,000 คน การเข้าอบรม 40,000 รายการ งานบริการ 300 งาน "
        "คำตอบแบบสำรวจ 200,000 ชุด ชุดข้อมูล 500 ชุด และตารางข้อมูล 1,000,000 แถว; scale 10 คูณจำนวนทั้งหมด 10 เท่า. "
        "ข้อมูลถูกเขียนแบบกลุ่ม (bulk) จึงไม่มีบันทึกการเปลี่ยนแปลง (audit) และประวัติของแถวที่สร้าง "
        "แต่ยังคงกฎของระบบทุกข้อ. ปฏิเสธถ้าฐานข้อมูลมีข้อมูลจริง (นอกเหนือจากข้อมูลตั้งต้นและข้อมูลสาธิต) "
        "เว้นแต่ระบุ --force. ห้ามใช้กับฐานข้อมูลที่ใช้งานจริง"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0,
            help="ขนาด (1 = หนึ่งจังหวัด, 10 = สิบเท่า; ค่าทศนิยมเช่น 0.01 ใช้ในการทดสอบ)",
        )
        parser.add_argument("--seed", type=int, default=2563, help="ค่าเริ่มต้นของตัวสุ่ม (ค่าเดียวกันได้ข้อมูลเดียวกัน)")
        parser.add_argument(
            "--force", action="store_true",
            help="สร้างแม้ฐานข้อมูลจะมีข้อมูลอื่นอยู่แล้ว (ข้อมูลจำลองจะปนกับข้อมูลเดิม)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        if scale <= 0:
            raise CommandError("--scale ต้องมากกว่า 0")
        self.stdout.write(
            f"สร้างข้อมูลจำลอง scale {scale:g} seed {options['seed']} บน {connection.vendor} "
            f"({connection.settings_dict.get('NAME')})"
        )
        started = time.perf_counter()
        try:
            counts = generate(scale=scale, seed=options["seed"], stdout=self.stdout, force=options["force"])
        except ScaleRefused as exc:
            raise CommandError(str(exc)) from exc
        dataversion.bump_all()  # bulk rows are not audited: cached read models must still see them
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"เสร็จใน {elapsed:.1f} วินาที (หน่วยความจำสูงสุด {peak_mb:,.0f} MB) จำนวนแถว:")
        for key, value in counts.items():
            self.stdout.write(f"  {key:<34} {value:>12,}")
