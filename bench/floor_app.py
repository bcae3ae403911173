"""The framework floor: the same stack (Streamlit, Plotly geo, a local topojson), ONE polygon.

bench_map.py copies this into a temporary folder with its own static/ and .streamlit/ and measures
it next to the real map, so the map's cost is read as "time above the floor".
"""

import plotly.graph_objects as go
import streamlit as st

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": "00.01"},
            # clockwise exterior ring (the d3/Plotly convention)
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[106, -6], [106, -5], [107, -5], [107, -6], [106, -6]]],
            },
        }
    ],
}

st.set_page_config(layout="wide", page_title="floor")
# a select slider like the map page's year slider, so bench_map times the same key press on both
value = st.select_slider("Nilai", ["0", "1"], key="floor_value")
fig = go.Figure(
    go.Choropleth(
        geojson=SQUARE,
        featureidkey="properties.code",
        locations=["00.01"],
        z=[int(value)],
        zmin=0,
        zmax=1,
        colorscale=[(0, "#1b7837"), (1, "#e08a3c")],
        showscale=False,
    )
)
fig.update_geos(fitbounds="locations", visible=False)
fig.update_layout(height=560, margin={"l": 0, "r": 0, "t": 0, "b": 0})
st.plotly_chart(fig, config={"topojsonURL": "/app/static/topojson/"}, width="stretch")
