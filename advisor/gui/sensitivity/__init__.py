"""The Sensitivity tab: how robust the mix is to the goal weights."""
