from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("document_id", models.BigIntegerField(primary_key=True, serialize=False, verbose_name="公开信息编号")),
                ("sort_key", models.BigIntegerField(help_text="发布日期（序数）× 10¹⁰ + 编号：新发布的在前", unique=True, verbose_name="排序键")),
                ("title", models.TextField(blank=True, verbose_name="标题（规范化）")),
                ("doc_number", models.TextField(blank=True, verbose_name="文号（规范化）")),
                ("body", models.TextField(blank=True, verbose_name="正文文本（规范化）")),
            ],
            options={"verbose_name": "检索索引条目", "verbose_name_plural": "检索索引条目"},
        ),
    ]
