/** Function file of the ribbon: the only button opens the task pane (ShowTaskpane), so nothing is registered yet. */
Office.onReady(() => {
  // Ribbon commands that run without the pane will be associated here with Office.actions.associate.
});
