from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.demo import STEPS


class Command(BaseCommand):
    help = "载入演示数据（西华县人民政府及其部门、各角色工作人员和业务记录）。可重复执行。"

    def handle(self, *args, **options):
        for step in STEPS:
            self.stdout.write(f"载入 {step} …")
            with transaction.atomic():
                import_module(step).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("演示数据已载入。"))
