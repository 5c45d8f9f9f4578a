from django.core.management.base import BaseCommand

from gongkai.search import backend, corpus


class Command(BaseCommand):
    help = "重建全文检索索引：清空后为全部已发布的公开信息（及其他检索范围）重新建立索引。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--documents", nargs="+", type=int, metavar="ID",
            help="只更新这些编号的公开信息（已发布的重建，其他的移出索引）。",
        )

    def handle(self, *args, documents=None, **options):
        if documents:
            backend.index_documents(documents)
            self.stdout.write(self.style.SUCCESS(f"已更新 {len(documents)} 条公开信息的索引。"))
            return
        for each in corpus.registered():
            total = backend.rebuild(corpus=each)
            self.stdout.write(self.style.SUCCESS(f"索引已重建：{total} 条{each.label}。"))
