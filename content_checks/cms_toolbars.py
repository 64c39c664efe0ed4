"""In the edit mode, the script that opens the block a problem of the checks points at."""

from cms.toolbar.items import BaseItem
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool


class FocusBlockScript(BaseItem):
    template = "content_checks/toolbar_focus_block.html"


@toolbar_pool.register
class ContentChecksToolbar(CMSToolbar):
    def post_template_populate(self):
        if self.toolbar.edit_mode_active:
            self.toolbar.add_item(FocusBlockScript(side=self.toolbar.RIGHT))
